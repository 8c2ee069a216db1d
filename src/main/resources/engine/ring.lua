-- The ring of lanes with work for one kind, served by deficit round robin across all nodes.
-- Scores are milliseconds × 1000, so lanes ready "now" take a strictly increasing tail position
-- (first come, first served, never by name) while lanes waiting for a time (delayed job,
-- per-minute cap) sort by that time. A lane with credit left of its turn keeps its place.
-- KEYS: ring, claims, tail, credit
-- ARGV: now, lane to put back ('' none), when (-1 not at all, 0 ready now, >0 at that time),
--       claim deadline (-1 none), pop (1/0), place it held (-1 none), credit left of its turn
-- Returns {} or the next due lane as {lane, place, credit left (0 = a fresh turn)}.
local now = tonumber(ARGV[1])
local lane = ARGV[2]
if lane ~= '' then
  local when, place, credit = tonumber(ARGV[3]), tonumber(ARGV[6]), tonumber(ARGV[7])
  if when == 0 and place >= 0 and credit > 0 then
    redis.call('ZADD', KEYS[1], 'LT', place, lane)
    redis.call('HSET', KEYS[4], lane, credit)
  else
    redis.call('HDEL', KEYS[4], lane)
    if when == 0 or (when > 0 and when <= now) then
      local tail = math.max(tonumber(redis.call('GET', KEYS[3]) or '0') + 1, now * 1000)
      redis.call('SET', KEYS[3], tail)
      redis.call('ZADD', KEYS[1], 'LT', tail, lane)
    elseif when > 0 then
      redis.call('ZADD', KEYS[1], 'LT', when * 1000, lane)
    end
  end
  if tonumber(ARGV[4]) >= 0 then redis.call('ZADD', KEYS[2], 'LT', ARGV[4], lane) end
end
if ARGV[5] ~= '1' then return {} end
-- Tail positions count as due even when this node's clock lags the node that set them.
local limit = math.max(now * 1000 + 999, tonumber(redis.call('GET', KEYS[3]) or '0'))
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', limit, 'WITHSCORES', 'LIMIT', 0, 1)
if due[1] then
  redis.call('ZREM', KEYS[1], due[1])
  return {due[1], due[2], tonumber(redis.call('HGET', KEYS[4], due[1]) or '0')}
end
return {}
