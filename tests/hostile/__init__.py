"""The standing corpus of hostile input (see cases.py and tests/test_hostile_corpus.py)."""
