"""Text: Swedish language helpers and the bounded Jinja sandbox that every template runs in."""
