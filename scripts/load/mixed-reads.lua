-- wrk script for scripts/load-test.sh: signed-in mixed reads.
--
-- Usage: wrk ... -s scripts/load/mixed-reads.lua http://127.0.0.1:PORT/ -- REQUESTS_FILE
-- REQUESTS_FILE has one request per line, "PATH<TAB>COOKIE" (the session cookie of a signed-in user, only pages
-- that user's role may see). Every thread cycles through all lines, each thread from a different offset, so the
-- mix of users and pages is the same at any concurrency.
--
-- wrk counts only 4xx/5xx and socket errors as errors; a 3xx is a success to it. For these pages any redirect means
-- the session was lost (302 to /sign-in), so response() counts 3xx too, and done() prints "lua_errors: N" for the
-- calling script to add to the error count. Status counts of all non-200 answers are printed for diagnosis.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_index", counter)
  table.insert(threads, thread)
end

local requests = {}
local next_request = 1
local statuses = {}
-- globals, not locals: done() reads them from each thread's Lua state with thread:get()
lua_errors = 0
status_text = ""

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open the requests file " .. tostring(args[1]))
  for line in file:lines() do
    local path, cookie = line:match("^([^\t]+)\t(.+)$")
    if path then
      table.insert(requests, wrk.format("GET", path, { ["Cookie"] = cookie }))
    end
  end
  file:close()
  assert(#requests > 0, "the requests file is empty")
  -- spread the threads over the list so they do not all ask for the same page at the same moment
  next_request = ((thread_index or 1) - 1) * math.floor(#requests / 2) % #requests + 1
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function response(status, headers, body)
  if status ~= 200 then
    statuses[status] = (statuses[status] or 0) + 1
    if status >= 300 and status < 400 then
      lua_errors = lua_errors + 1 -- a 3xx is a success to wrk: count it here
    end
    local parts = {}
    for s, n in pairs(statuses) do
      table.insert(parts, s .. "=" .. n)
    end
    status_text = table.concat(parts, " ")
  end
end

function done(summary, latency, requests_done)
  local total = 0
  local parts = {}
  for _, thread in ipairs(threads) do
    total = total + (thread:get("lua_errors") or 0)
    local s = thread:get("status_text")
    if s and s ~= "" then
      table.insert(parts, s)
    end
  end
  io.write("lua_errors: " .. total .. "\n")
  io.write("lua_non_200_statuses: " .. (#parts > 0 and table.concat(parts, " ") or "none") .. "\n")
end
