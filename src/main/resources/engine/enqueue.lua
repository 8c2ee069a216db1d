-- Adds a job to a lane, or coalesces it into the queued/running job with the same key.
-- KEYS: ready, delayed, ckeys   ARGV: base, id, tenant, kind, payload, now, due, ckey, maxDepth
-- Returns {code, id}: 0 enqueued, 1 merged into queued, 2 marked to run again, -1 lane full.
local base, id, ckey = ARGV[1], ARGV[2], ARGV[8]
if ckey ~= '' then
  local existing = redis.call('HGET', KEYS[3], ckey)
  if existing then
    local jk = base .. 'j:' .. existing
    local st = redis.call('HGET', jk, 'st')
    if st == 'q' then
      redis.call('HSET', jk, 'p', ARGV[5])
      return {1, existing}
    elseif st == 'r' then
      redis.call('HSET', jk, 'again', '1', 'np', ARGV[5])
      return {2, existing}
    end
  end
end
local maxDepth = tonumber(ARGV[9])
if maxDepth >= 0 and redis.call('LLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2]) >= maxDepth then
  return {-1, ''}
end
local jk = base .. 'j:' .. id
redis.call('HSET', jk, 't', ARGV[3], 'k', ARGV[4], 'p', ARGV[5], 'a', '0', 'e', ARGV[6], 'c', ckey, 'st', 'q')
if ckey ~= '' then
  redis.call('HSET', KEYS[3], ckey, id)
end
if tonumber(ARGV[7]) > tonumber(ARGV[6]) then
  redis.call('ZADD', KEYS[2], ARGV[7], id)
else
  redis.call('RPUSH', KEYS[1], id)
end
return {0, id}
