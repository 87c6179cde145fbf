-- wrk script: every request asks for /gallery with a query value no other request used, so each one
-- misses the page cache. Threads get distinct ids in setup(); each counts its own requests.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  return wrk.format(nil, "/gallery?miss=" .. id .. "-" .. counter)
end
