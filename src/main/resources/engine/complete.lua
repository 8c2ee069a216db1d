-- Acknowledges claims of one lane. A job marked to run again is queued again with the latest payload.
-- KEYS: inflight, ckeys, ready, delayed   ARGV: base, now, concurrency, then per job: id, token
-- Returns {lane needs the ring: 0 no, 1 now, >1 at that time (a rerun asked with a delay),
--          then per job: -1 claim not current, 0 done, 1 queued again}.
local base, now, concurrency = ARGV[1], ARGV[2], tonumber(ARGV[3])
local wasFull = concurrency >= 0 and redis.call('ZCARD', KEYS[1]) >= concurrency
local out = {0}
local requeued = false
local later = nil
local done = {}
for i = 4, #ARGV, 2 do
  local id, token = ARGV[i], ARGV[i + 1]
  local jk = base .. 'j:' .. id
  local f = redis.call('HMGET', jk, 'tok', 'again', 'c', 'np', 'nd')
  if f[1] ~= token then
    out[#out + 1] = -1
  else
    done[#done + 1] = id
    if f[2] == '1' then
      redis.call('HSET', jk, 'p', f[4], 'a', '0', 'e', now, 'st', 'q', 'again', '0', 'tok', '', 'np', '', 'nd', '')
      local due = tonumber(f[5] or '0') or 0
      if due > tonumber(now) then
        redis.call('ZADD', KEYS[4], due, id)
        if later == nil or due < later then later = due end
      else
        redis.call('RPUSH', KEYS[3], id)
        requeued = true
      end
      out[#out + 1] = 1
    else
      local c = f[3]
      if c and c ~= '' and redis.call('HGET', KEYS[2], c) == id then
        redis.call('HDEL', KEYS[2], c)
      end
      redis.call('DEL', jk)
      out[#out + 1] = 0
    end
  end
end
if #done > 0 then redis.call('ZREM', KEYS[1], unpack(done)) end
if requeued or (wasFull and redis.call('LLEN', KEYS[3]) > 0) then out[1] = 1 elseif later then out[1] = later end
return out
