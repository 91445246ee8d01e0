-- wrk script: POST /v1/messages with a Messages API body.
--   BENCH_STREAM=1       ask for a streamed (SSE) answer
--   BENCH_BODY_FILE=...  use this JSON body instead of the small default (its "stream" flag is overridden)
-- At the end prints one machine-readable line starting with "BENCH " (latencies in microseconds).

local stream = os.getenv("BENCH_STREAM") == "1"
local body_file = os.getenv("BENCH_BODY_FILE")
local body

if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  body = f:read("*a")
  f:close()
  local flag = stream and "true" or "false"
  local replaced, n = body:gsub('"stream"%s*:%s*%a+', '"stream":' .. flag, 1)
  if n == 0 then
    replaced = body:gsub("^%s*{", '{"stream":' .. flag .. ",", 1)
  end
  body = replaced
else
  body = '{"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}]'
      .. (stream and ',"stream":true' or '') .. '}'
end

wrk.method = "POST"
wrk.path = "/v1/messages"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["anthropic-version"] = "2023-06-01"
wrk.headers["x-api-key"] = "dummy"

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d mean_us=%.1f max_us=%d "
      .. "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
