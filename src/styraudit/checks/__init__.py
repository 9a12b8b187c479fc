"""Built-in checks, one module each; they register through the `styraudit.checks` entry points."""
