-- Puts claims past their visibility deadline back at the head of the lane.
-- KEYS: inflight, ready   ARGV: base, now
-- Returns {recovered, nextDeadline or -1}.
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, 1000)
for i = #ids, 1, -1 do
  local id = ids[i]
  local jk = ARGV[1] .. 'j:' .. id
  redis.call('ZREM', KEYS[1], id)
  if redis.call('HGET', jk, 'again') == '1' then
    redis.call('HSET', jk, 'p', redis.call('HGET', jk, 'np'), 'again', '0')
    redis.call('HDEL', jk, 'np')
  end
  redis.call('HSET', jk, 'st', 'q', 'tok', '')
  redis.call('LPUSH', KEYS[2], id)
end
local nextClaim = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {#ids, tonumber(nextClaim[2] or '-1')}
