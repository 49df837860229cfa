"""Errors the front doors turn into a clear message and a usage exit status."""


class ConfigError(Exception):
    """Configuration that is not valid: names the key and the file, says what is expected."""
