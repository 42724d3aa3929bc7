"""Presentation, pure (no Streamlit): the interface's words (gettext, plurals), numbers and units formatted once,
the frames, cards, figures and their text alternatives, and the theme's colours."""
