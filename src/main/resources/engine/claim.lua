-- Claims up to max ready jobs of one lane within its caps, after promoting due delayed jobs.
-- KEYS: ready, delayed, inflight, paused, rate
-- ARGV: base, now, max, deadline, tokenPrefix, concurrency (-1 none), perMinute (-1 none)
-- Returns {ringScore, taken, id, tenant, payload, attempt, enqueuedAt, ckey, token, ...};
-- ringScore is when the lane should next be visited, -1 for "not until something changes".
local base, now, max = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1000)
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('RPUSH', KEYS[1], id)
end
local function nextDelayed()
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  if first[2] then return tonumber(first[2]) end
  return -1
end
if redis.call('EXISTS', KEYS[4]) == 1 then
  return {-1, 0}
end
local n, blocked = max, -1
local concurrency = tonumber(ARGV[6])
if concurrency >= 0 then
  local room = concurrency - redis.call('ZCARD', KEYS[3])
  if room < n then n, blocked = room, -2 end
end
local perMinute, minute, used = tonumber(ARGV[7]), math.floor(now / 60000), 0
if perMinute >= 0 then
  if tonumber(redis.call('HGET', KEYS[5], 'w') or '-1') == minute then
    used = tonumber(redis.call('HGET', KEYS[5], 'n') or '0')
  end
  if perMinute - used < n then n, blocked = perMinute - used, (minute + 1) * 60000 end
end
local out = {-1, 0}
local taken = 0
if n > 0 then
  -- LPOP with a count is Redis 6.2+; one call per batch, not per job.
  local ids = redis.call('LPOP', KEYS[1], n)
  if ids then
    local inflight = {}
    for _, id in ipairs(ids) do
      local jk = base .. 'j:' .. id
      local f = redis.call('HMGET', jk, 't', 'p', 'e', 'c', 'a')
      local attempt = tonumber(f[5]) + 1
      local token = ARGV[5] .. '.' .. taken
      redis.call('HSET', jk, 'a', attempt, 'st', 'r', 'tok', token)
      inflight[#inflight + 1] = ARGV[4]
      inflight[#inflight + 1] = id
      out[#out + 1] = id
      out[#out + 1] = f[1]
      out[#out + 1] = f[2]
      out[#out + 1] = attempt
      out[#out + 1] = f[3]
      out[#out + 1] = f[4]
      out[#out + 1] = token
      taken = taken + 1
    end
    redis.call('ZADD', KEYS[3], unpack(inflight))
  end
end
if perMinute >= 0 and taken > 0 then
  redis.call('HSET', KEYS[5], 'w', minute, 'n', used + taken)
  redis.call('PEXPIRE', KEYS[5], 120000)
end
out[2] = taken
if redis.call('LLEN', KEYS[1]) > 0 then
  if blocked == -1 then out[1] = now elseif blocked == -2 then out[1] = -1 else out[1] = blocked end
else
  out[1] = nextDelayed()
end
return out
