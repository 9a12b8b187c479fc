"""The board presentation (.pptx), modelled on the auditors' slides of seed 001."""
