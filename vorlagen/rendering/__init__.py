"""The one render path: sandboxed Jinja over the tags Word wrote, prepared once per template."""
