"""``python -m warta.sentiment calibrate FILES`` / ``train FILES --out MODEL``: rebuild packaged models."""
from warta.sentiment.training import main

main()
