"""Templates and static files of the web UI (no build step)."""
