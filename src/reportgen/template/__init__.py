"""The template stage: static checks, the compiled template, the fields it needs."""
