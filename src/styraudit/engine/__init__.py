"""The rules engine: criteria bind named checks to Swedish texts; checks judge a case."""
