-- Driven by tests/scripts/neovim_lsp.sh: Neovim's built-in LSP client against
-- `callcheck server`. Writes "ok: ..." / "FAIL: ..." lines to $NVIM_TEST_RESULT
-- and quits with 0 only when every step passed.
local result = assert(io.open(os.getenv('NVIM_TEST_RESULT'), 'w'))
local failed = false
local function step(ok, what)
  result:write((ok and 'ok: ' or 'FAIL: ') .. what .. '\n')
  result:flush()
  if not ok then failed = true end
  return ok
end
local function finish()
  step(not failed, 'all')
  result:close()
  vim.cmd(failed and 'cquit 1' or 'qall!')
end

local file = os.getenv('NVIM_TEST_FILE')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'callcheck',
  cmd = { os.getenv('CALLCHECK_BINARY'), 'server' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not step(client_id ~= nil, 'client started') then return finish() end
vim.lsp.buf_attach_client(buf, client_id)

local function codes()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(out, tostring(d.code)) end
  table.sort(out)
  return table.concat(out, ' ')
end

local got = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not step(got, 'diagnostics published on open') then return finish() end
local first = vim.diagnostic.get(buf)[1]
step(first.code == 'CC001', 'CC001 reported (got ' .. codes() .. ')')
step(first.lnum == 2 and first.col == 34, 'at the trailing comma (line ' .. first.lnum .. ', col ' .. first.col .. ')')

local client = vim.lsp.get_client_by_id(client_id)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.lnum, character = first.col } },
  context = { diagnostics = {} },
}
local response = client.request_sync('textDocument/codeAction', params, 10000, buf)
if not step(response ~= nil and response.result ~= nil and #response.result > 0, 'code actions offered') then
  return finish()
end
local action = response.result[1]
step(action.title == 'CC001: delete the trailing comma', 'the quick fix comes first: ' .. tostring(action.title))
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
step(lines[3] == '  "requestedModalities": ["audio"]', 'buffer fixed: ' .. tostring(lines[3]))

-- The edit went to the server as a didChange; the diagnostics follow.
local cleared = vim.wait(15000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
step(cleared, 'diagnostics cleared after the fix (left: ' .. codes() .. ')')

local hover = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 2, character = 5 } }, 10000, buf)
step(hover ~= nil and hover.result ~= nil and hover.result.contents.value:find('requestedModalities', 1, true) ~= nil,
  'hover on a member')

vim.cmd('write')
client.stop()
vim.wait(5000, function() return client.is_stopped() end, 50)
finish()
