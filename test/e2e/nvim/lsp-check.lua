-- Headless Neovim (0.7+) as a real LSP client of the nianbao server, run by test/e2e/run.sh:
--   nvim --headless --clean -c "luafile test/e2e/nvim/lsp-check.lua"
-- It loads the client configuration from docs/other-editors.md (the block between the
-- nvim-config markers, with the server path filled in), opens a corpus report with an injected
-- table error, waits for the diagnostic, applies the quick fix through textDocument/codeAction,
-- and checks that the diagnostic goes and that the saved file differs only in that number.
-- Writes a JSON list of results to $NIANBAO_E2E_RESULT and exits 0 (all passed) or 1.

local SERVER = assert(os.getenv('NIANBAO_SERVER'), 'NIANBAO_SERVER not set')
local DOC = assert(os.getenv('NIANBAO_DOC'), 'NIANBAO_DOC not set')
local STATE = assert(os.getenv('NIANBAO_E2E_STATE'), 'NIANBAO_E2E_STATE not set')
local RESULT = assert(os.getenv('NIANBAO_E2E_RESULT'), 'NIANBAO_E2E_RESULT not set')
local REPORT = STATE .. '/nvim/work/大兴安岭地区2023年政府信息公开工作年度报告.txt'
local EXPECTED = STATE .. '/expected/after-quickfix.txt'
local RULE = 'table2-column-sum'

local results = {}
local blocked -- name of the first failed step: every later step depends on it
local function log(s) io.stdout:write(s .. '\n') end
local function test(name, fn)
  local t = vim.loop.hrtime()
  local ok, err
  if blocked then
    ok, err = false, 'not run: it needs the failed step "' .. blocked .. '"'
  else
    ok, err = pcall(fn)
    if not ok then blocked = name end
  end
  local ms = math.floor((vim.loop.hrtime() - t) / 1e6)
  table.insert(results, { suite = 'nvim', name = name, ok = ok, ms = ms, error = ok and vim.NIL or tostring(err) })
  log(string.format('%s %s (%.1fs)%s', ok and '  ✓' or '  ✗', name, ms / 1000, ok and '' or ('\n      ' .. tostring(err))))
  return ok
end
local function finish()
  local f = assert(io.open(RESULT, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  local failed = 0
  for _, r in ipairs(results) do if not r.ok then failed = failed + 1 end end
  log(string.format('nvim: %d passed, %d failed', #results - failed, failed))
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  vim.cmd(failed == 0 and 'qa!' or 'cq!')
end
local function read(path)
  local f = assert(io.open(path, 'rb'), 'cannot read ' .. path)
  local s = f:read('*a')
  f:close()
  return s
end

-- Keep the raw LSP diagnostics as the server published them (code = rule id, data, range).
local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
  if res then published[res.uri] = res.diagnostics end
  return default_handler(err, res, ctx, cfg)
end
local function find_diag(uri)
  for _, d in ipairs(published[uri] or {}) do
    if d.code == RULE then return d end
  end
end

local uri
test('the Neovim configuration in docs/other-editors.md loads', function()
  local doc = read(DOC)
  local block = doc:match('<!%-%- nvim%-config%-begin %-%->%s*```lua\n(.-)```%s*<!%-%- nvim%-config%-end %-%->')
  assert(block, 'no lua block between <!-- nvim-config-begin --> and <!-- nvim-config-end --> in ' .. DOC)
  local n
  block, n = block:gsub("'/path/to/nianbao/server/dist/server%.js'", function() return vim.inspect(SERVER) end)
  assert(n == 1, 'the block does not name /path/to/nianbao/server/dist/server.js exactly once')
  assert(loadstring(block, 'docs/other-editors.md'))()
end)

test('opening a report starts the server and attaches it (autocmd on *年度报告*.txt)', function()
  vim.cmd('edit ' .. vim.fn.fnameescape(REPORT))
  vim.bo.fixendofline = false -- write the file back byte for byte apart from the fix
  uri = vim.uri_from_bufnr(0)
  local attached = vim.wait(10000, function() return next(vim.lsp.buf_get_clients(0)) ~= nil end, 50)
  assert(attached, 'no LSP client attached to the buffer')
  local c = select(2, next(vim.lsp.buf_get_clients(0)))
  assert(c.name == 'nianbao', 'attached client is ' .. tostring(c.name))
end)

local diag
test('the server publishes ' .. RULE .. ' for the broken total on line 288', function()
  local got = vim.wait(20000, function() return find_diag(uri) ~= nil end, 50)
  assert(got, 'no ' .. RULE .. ' diagnostic within 20 s; published: ' .. vim.inspect(published[uri]))
  diag = find_diag(uri)
  assert(diag.range.start.line == 287, 'diagnostic on 0-based line ' .. diag.range.start.line .. ', expected 287')
  assert(diag.severity == 1, 'severity ' .. tostring(diag.severity) .. ', expected 1 (error)')
  assert(diag.message:find('96', 1, true) and diag.message:find('97', 1, true), 'message: ' .. diag.message)
  -- Neovim's own diagnostic list has it too (what :lua vim.diagnostic.setqflist() shows).
  local mine = vim.diagnostic.get(0, { lnum = 287 })
  assert(#mine > 0, 'vim.diagnostic.get() has nothing on line 288')
end)

test('textDocument/codeAction offers 改为 97; applying it fixes the total and the diagnostic goes', function()
  local params = {
    textDocument = { uri = uri },
    range = diag.range,
    context = { diagnostics = { diag }, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000)
  assert(responses, 'no answer to textDocument/codeAction')
  local action
  local titles = {}
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do
      table.insert(titles, a.title)
      if a.title == '改为 97' then action = a end
    end
  end
  assert(action, 'no action titled 改为 97; got: ' .. table.concat(titles, ', '))
  assert(action.edit, 'the action has no edit')
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local line = vim.api.nvim_buf_get_lines(0, 287, 288, true)[1]
  assert(line == '97 |', 'line 288 reads ' .. vim.inspect(line) .. ' after the fix')
  local gone = vim.wait(10000, function() return published[uri] ~= nil and find_diag(uri) == nil end, 50)
  assert(gone, 'the diagnostic is still published after the fix: ' .. vim.inspect(find_diag(uri)))
  vim.cmd('silent write')
  local got, want = read(REPORT), read(EXPECTED)
  assert(got == want, 'the written file is not the original with only 96 → 97 (sizes ' .. #got .. ' vs ' .. #want .. ')')
end)

finish()
