"""What each command does, apart from parsing its command line (cli.py does that)."""
