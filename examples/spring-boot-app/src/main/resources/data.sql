MERGE INTO article (id, title, summary) KEY (id) VALUES
    (1, 'Who did what, and when', 'Why an application keeps an activity trail, and what goes into one record.'),
    (2, 'Audit trails without slowing requests', 'Recording on the request thread costs nanoseconds; writing happens in batches.'),
    (3, 'Reading the trail', 'Filter by actor, action, target and time; export what you found as CSV or JSON Lines.');
