-- Ends a claim without success: mode 'retry' (spends the attempt), 'release' (gives it back) or
-- 'dead' (dead letter; but a payload that arrived meanwhile is queued as a fresh job instead).
-- KEYS: inflight, delayed, ready, ckeys, dead
-- ARGV: base, id, token, now, mode, at, error, concurrency
-- Returns -2 if the claim is not current, else the lane's ring score (-1 none).
local jk = ARGV[1] .. 'j:' .. ARGV[2]
if redis.call('HGET', jk, 'tok') ~= ARGV[3] then return -2 end
local id, now, mode = ARGV[2], tonumber(ARGV[4]), ARGV[5]
local concurrency = tonumber(ARGV[8])
local wasFull = concurrency >= 0 and redis.call('ZCARD', KEYS[1]) >= concurrency
redis.call('ZREM', KEYS[1], id)
redis.call('HSET', jk, 'tok', '')
local again = redis.call('HGET', jk, 'again') == '1'
if again then
  redis.call('HSET', jk, 'p', redis.call('HGET', jk, 'np'), 'again', '0')
  redis.call('HDEL', jk, 'np')
end
if mode == 'dead' then
  if again then
    redis.call('HSET', jk, 'a', '0', 'e', now, 'st', 'q')
    redis.call('RPUSH', KEYS[3], id)
    return now
  end
  redis.call('HSET', jk, 'st', 'd', 'err', ARGV[7])
  local c = redis.call('HGET', jk, 'c')
  if c and c ~= '' and redis.call('HGET', KEYS[4], c) == id then
    redis.call('HDEL', KEYS[4], c)
  end
  redis.call('RPUSH', KEYS[5], id)
  if wasFull and redis.call('LLEN', KEYS[3]) > 0 then return now end
  return -1
end
if mode == 'release' then
  redis.call('HINCRBY', jk, 'a', -1)
else
  redis.call('HSET', jk, 'err', ARGV[7])
end
redis.call('HSET', jk, 'st', 'q')
local at = tonumber(ARGV[6])
if at > now then
  redis.call('ZADD', KEYS[2], at, id)
  if wasFull and redis.call('LLEN', KEYS[3]) > 0 then return now end
  return at
end
if mode == 'release' then
  redis.call('LPUSH', KEYS[3], id)
else
  redis.call('RPUSH', KEYS[3], id)
end
return now
