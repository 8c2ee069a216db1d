-- Adds jobs to one lane of one kind, or coalesces each into the queued/running job with its key.
-- KEYS: ready, delayed, ckeys
-- ARGV: base, kind, now, maxDepth, then per job: id, tenant, payload, due, ckey
-- Returns per job {code, id}: 0 enqueued, 1 merged into queued, 2 marked to run again, -1 lane full.
local base, kind, now, maxDepth = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local out = {}
local ready = {}
for i = 5, #ARGV, 5 do
  local id, tenant, payload, due, ckey = ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3]), ARGV[i + 4]
  local code, at = nil, id
  if ckey ~= '' then
    local existing = redis.call('HGET', KEYS[3], ckey)
    if existing then
      local jk = base .. 'j:' .. existing
      local st = redis.call('HGET', jk, 'st')
      if st == 'q' then
        redis.call('HSET', jk, 'p', payload)
        code, at = 1, existing
      elseif st == 'r' then
        -- Runs once more after it finishes, no earlier than the earliest time asked for meanwhile.
        local nd = due
        if redis.call('HGET', jk, 'again') == '1' then
          nd = math.min(nd, tonumber(redis.call('HGET', jk, 'nd') or due))
        end
        redis.call('HSET', jk, 'again', '1', 'np', payload, 'nd', nd)
        code, at = 2, existing
      end
    end
  end
  if code == nil and maxDepth >= 0 and redis.call('LLEN', KEYS[1]) + #ready + redis.call('ZCARD', KEYS[2]) >= maxDepth then
    code, at = -1, ''
  end
  if code == nil then
    code = 0
    redis.call('HSET', base .. 'j:' .. id, 't', tenant, 'k', kind, 'p', payload, 'a', '0', 'e', now, 'c', ckey, 'st', 'q')
    if ckey ~= '' then redis.call('HSET', KEYS[3], ckey, id) end
    if due > now then
      redis.call('ZADD', KEYS[2], due, id)
    else
      ready[#ready + 1] = id
    end
  end
  out[#out + 1] = code
  out[#out + 1] = at
end
if #ready > 0 then redis.call('RPUSH', KEYS[1], unpack(ready)) end
return out
