"""Modal screens of the TUI: help, export, quotes of an indicator, topic filter."""
