-- The measurement_set and measurement rows copied each submission's sets and measurements out of its normalised
-- QPP JSON. Nothing ever read them: scoring and every answer read the normalised submission through the storage
-- codec (StoredSubmissions), and the API's queries go by the submission's entity and year columns. Two extra
-- statements per submission for nothing, on the path whose commits bound deadline-day throughput. The normalised
-- jsonb keeps all of it; a query by measure, if one is ever needed, can index it (jsonb_path_ops).
drop table measurement;
drop table measurement_set;
