-- KEYS: ready, delayed, inflight   ARGV: base
-- Returns {depth, running, oldest ready job's enqueue time or -1}.
local head = redis.call('LINDEX', KEYS[1], 0)
local oldest = -1
if head then oldest = tonumber(redis.call('HGET', ARGV[1] .. 'j:' .. head, 'e') or '-1') end
return {redis.call('LLEN', KEYS[1]) + redis.call('ZCARD', KEYS[2]), redis.call('ZCARD', KEYS[3]), oldest}
