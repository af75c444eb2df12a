"""The law: the one place where icc-rules decides anything.

* :mod:`~icc_rules.law.statute`: the Rome Statute's own date arithmetic (articles 126 and 127);
* :mod:`~icc_rules.law.days`: dates as the rules compare them (day numbers);
* :mod:`~icc_rules.law.verdicts`: the five verdicts, their order and what each means;
* :mod:`~icc_rules.law.schema`: the types of facts the rules reason over;
* :mod:`~icc_rules.law.facts`: the translation of records into facts (translation only, no judgement);
* :mod:`~icc_rules.law.vocabulary`: the words the rules are written in, and the checker that holds each rule to them;
* :mod:`~icc_rules.law.rules`: the rule set, each rule with its legal basis;
* :mod:`~icc_rules.law.engine`: running the rules on durable-rules, complete or an error;
* :mod:`~icc_rules.law.decide`: deciding a person in a country on a day, each distinct case once;
* :mod:`~icc_rules.law.explain`: the reasons of an answer, built from the rules that fired;
* :mod:`~icc_rules.law.checks`: the data held to the law (entry into force as article 126 fixes it ...).
"""
