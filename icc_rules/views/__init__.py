"""Views: answers to questions beyond one person in one country on one day, all built on the public decision API
(:mod:`icc_rules.api`): timelines, the world view, trips, reverse queries, bulk answers, the States Parties on a day
and the figures counted from the data."""
