-- Acknowledges a claim. A job marked to run again is queued again with the latest payload.
-- KEYS: inflight, ckeys, ready   ARGV: base, id, token, now, concurrency
-- Returns -1 if the claim is not current, 1 if the lane must be put back in the ring, else 0.
local jk = ARGV[1] .. 'j:' .. ARGV[2]
if redis.call('HGET', jk, 'tok') ~= ARGV[3] then return -1 end
local concurrency = tonumber(ARGV[5])
local wasFull = concurrency >= 0 and redis.call('ZCARD', KEYS[1]) >= concurrency
redis.call('ZREM', KEYS[1], ARGV[2])
if redis.call('HGET', jk, 'again') == '1' then
  redis.call('HSET', jk, 'p', redis.call('HGET', jk, 'np'), 'a', '0', 'e', ARGV[4], 'st', 'q', 'again', '0', 'tok', '')
  redis.call('HDEL', jk, 'np')
  redis.call('RPUSH', KEYS[3], ARGV[2])
  return 1
end
local c = redis.call('HGET', jk, 'c')
if c and c ~= '' and redis.call('HGET', KEYS[2], c) == ARGV[2] then
  redis.call('HDEL', KEYS[2], c)
end
redis.call('DEL', jk)
if wasFull and redis.call('LLEN', KEYS[3]) > 0 then return 1 end
return 0
