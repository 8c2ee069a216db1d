-- Queues a dead letter again with fresh attempts, unless a newer job holds its coalescing key.
-- KEYS: dead   ARGV: base, id, tenant, now
-- Returns the job's kind, or '' if there is no such dead letter of this tenant.
local base, id = ARGV[1], ARGV[2]
local jk = base .. 'j:' .. id
if redis.call('HGET', jk, 't') ~= ARGV[3] or redis.call('HGET', jk, 'st') ~= 'd' then return '' end
if redis.call('LREM', KEYS[1], 1, id) == 0 then return '' end
local kind, c = redis.call('HGET', jk, 'k'), redis.call('HGET', jk, 'c')
if c ~= '' then
  local ckeys = base .. 'ckey:' .. kind
  if redis.call('HEXISTS', ckeys, c) == 1 then
    redis.call('DEL', jk)
    return kind
  end
  redis.call('HSET', ckeys, c, id)
end
redis.call('HSET', jk, 'a', '0', 'st', 'q', 'e', ARGV[4], 'err', '')
redis.call('RPUSH', base .. 'ready:' .. kind, id)
return kind
