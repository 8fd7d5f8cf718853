"""Visit rounds: who visits whom in which lesson, and who covers the visitor's class.

``probleem`` holds the round as plain data and the rules every planner and the validator share;
``kandidaten`` lists the visits a planner may choose from; ``cpsat`` and ``greedy`` plan;
``check`` validates a plan against the rules, independently of the planners.
"""
