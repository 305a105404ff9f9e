"""The information model's constants, shared by the model and its report text (internal)."""

SHARE, WITHHOLD = "Share", "Withhold"
#: Largest group the analysis computes with the library's n-player repeated games (2^n profiles
#: and signals); larger groups use the closed forms.
LIBRARY_MAX_STATES = 6
#: Largest group the model accepts.
MAX_STATES = 1000
