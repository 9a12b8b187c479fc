"""Loading: YAML text to located data, case files to validated models, id references, limits, discovery."""
