-- KEYS: lease, fence   ARGV: owner, now, ttl
-- Returns {token, expiresAt} or {} when another owner holds an unexpired lease.
local now, ttl = tonumber(ARGV[2]), tonumber(ARGV[3])
local f = redis.call('HMGET', KEYS[1], 'owner', 'token', 'exp')
local held = f[3] and tonumber(f[3]) > now
if held and f[1] ~= ARGV[1] then return {} end
local token = held and tonumber(f[2]) or redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'token', token, 'exp', now + ttl)
-- Expiry is judged by the callers' clocks (exp); the key TTL only collects garbage.
redis.call('PEXPIRE', KEYS[1], ttl * 2 + 60000)
return {token, now + ttl}
