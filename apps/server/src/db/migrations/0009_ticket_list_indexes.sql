-- Open work is what lists ask for most: a small partial index keeps those counts and pages cheap on
-- millions of closed tickets. First-contact owner backs the "accepted by me" view and the scope rule.
CREATE INDEX tickets_open_created_idx ON tickets (created_at DESC)
  WHERE state IN ('accepted', 'assigned', 'in_progress', 'pending', 'answered', 'follow_up');
CREATE INDEX tickets_first_owner_idx ON tickets (first_owner_id, created_at DESC);
-- With the open index, a type index only tempts the planner into AND-ing a third of the table.
DROP INDEX tickets_type_created_idx;
