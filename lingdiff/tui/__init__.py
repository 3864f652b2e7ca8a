"""The terminal UI of lingdiff (Textual). Nothing outside this package imports textual."""
