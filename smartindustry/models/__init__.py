"""The chapters' models: one module a chapter topic.

A chapter's topic name is the name of its question bank: the chapter that
imports ``smartindustry.questions.iot`` finds its model in
``smartindustry.models.iot``. Each module is a set of plain functions with
every assumption in its arguments (with units), a ``seed`` where random
numbers are drawn, and tests in ``tests/test_models_<topic>.py`` that pin the
numbers the chapters quote. They are teaching models, not forecasts.

Modules
-------
sdg9
    Chapter 2, SDG 9: each country's latest value, its income group, and a
    summary of one indicator in one income group.
divide
    Chapter 3, the digital divide: the gender parity score, the gap between
    4G coverage and Internet use, a country's connectivity profile.
work
    Chapter 6, work and the informal economy: occupations as lists of tasks and
    the share of working time exposed to automation (illustrative assumptions).
skills
    Chapter 5, digital skills: the skills ladder and a training-plan calculator.
industry40
    Chapter 7, Industry 4.0 fundamentals: a production line hour by hour (wear,
    vibration, breakdowns, maintenance policies) and its OEE.
iot
    Chapter 8, IoT: a pump's sensors one reading a minute, alarm rules and their cost.
ai_ml
    Chapter 9, AI and machine learning: parts for a quality-inspection
    classifier, threshold rules, logistic regression, confusion matrix, cost.
robots
    Chapter 10, robots and automation: the business case for automating a
    line (annuity, wages saved, payback, jobs changed).
twins
    Chapter 11, digital twins: calibrating a vibration model to the line and
    predicting when the service limit is reached.
cyber
    Chapter 12, cybersecurity: risk matrix, passphrase entropy, incident response.
agriculture
    Chapter 13, digital agriculture: a field's soil water day by day, three
    irrigation rules (rain-fed, calendar, soil-moisture sensor), yield and profit.
green
    Chapter 14, green industry: emissions intensity, absolute and relative
    decoupling of output and emissions, and an e-waste balance.
digital_economy
    Chapter 15, the digital economy: a mobile-money service in a district (fees,
    agents, the network effect and critical mass), seeded.
innovation
    Chapter 16, innovation ecosystems: scoring and ranking proposals to a
    challenge with a weighted rubric; R&D, researchers and patents per million.
cities
    Chapter 17, smart sustainable cities: redundancy arithmetic, a year of
    outages in an industrial zone (second feeders, backup generators, cost of
    power not delivered), and each country's latest value of a sparse series.
capstone
    Chapter 18, the capstone: one country's key indicators beside its income
    group and region, the gaps, ten-year changes and who is left out.

Import a topic module directly, e.g. ``from smartindustry.models.iot import ...``.
"""
