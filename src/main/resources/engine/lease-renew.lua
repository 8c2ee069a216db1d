-- KEYS: lease   ARGV: owner, token, now, ttl ('' to only check), release (1/0)
-- Returns the new expiry (renew), 1 (released / held) or -1 when the lease is not this one.
local now = tonumber(ARGV[3])
local f = redis.call('HMGET', KEYS[1], 'owner', 'token', 'exp')
if f[1] ~= ARGV[1] or f[2] ~= ARGV[2] or not f[3] or tonumber(f[3]) <= now then return -1 end
if ARGV[5] == '1' then
  redis.call('DEL', KEYS[1])
  return 1
end
if ARGV[4] == '' then return 1 end
local ttl = tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'exp', now + ttl)
redis.call('PEXPIRE', KEYS[1], ttl * 2 + 60000)
return now + ttl
