"""Pulling raw documents from the HTTP(S) sources configured in sources.toml."""
