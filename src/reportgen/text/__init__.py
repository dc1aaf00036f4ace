"""The template language: a sandboxed Jinja environment and the Chinese filters."""
