-- Collects what Neovim's own LSP client (0.7+) gets from the cable language server over stdio, when the
-- server was set up by the README's recipe, loaded as the init file (`nvim -u`): the recipe detects the
-- filetypes, finds the workspace and starts the server; this script only opens files as a user would
-- and records what happens. It only collects; neovim.test.ts asserts. Run headless with CABLE_NVIM_PLAN
-- naming a JSON plan:
--   { cables = {paths}, plainFiles = {paths}, symbolsOf = path, hovers = {{file, line, character, word}},
--     workspaceQuery = string, timeoutMs, out = path }
-- Writes the result as JSON to plan.out, then quits (exit 1 when something could not be collected).

local plan = vim.json.decode(table.concat(vim.fn.readfile(os.getenv('CABLE_NVIM_PLAN')), '\n'))
local version = vim.version()
local result = {
  version = string.format('%d.%d.%d', version.major, version.minor, version.patch), initialized = false, buffers = {},
  reported = {}, indexStatus = {}, neovimDiagnostics = {}, symbols = vim.NIL, hovers = {}, workspaceSymbols = vim.NIL,
  errors = {},
}

local function finish()
  vim.fn.writefile({ vim.json.encode(result) }, plan.out)
  if #result.errors > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

-- The clients attached to a buffer: vim.lsp.get_clients from 0.10, buf_get_clients before.
local function clients_of(bufnr)
  if vim.lsp.get_clients then return vim.lsp.get_clients({ bufnr = bufnr }) end
  return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
end

-- Record every problem report as it arrives: pushed (publishDiagnostics; the server may push a file more
-- than once) or, from 0.10 that pulls diagnostics, the answers to Neovim's own textDocument/diagnostic
-- requests. Record every index status too, then let Neovim handle them as it would. The recipe sets no
-- handlers of its own, so the global ones are those its client uses.
local function record(handler_name, report)
  local handler = vim.lsp.handlers[handler_name]
  vim.lsp.handlers[handler_name] = function(err, params_or_result, ctx, config)
    local uri, diagnostics = report(params_or_result, ctx)
    if uri then table.insert(result.reported, { uri = uri, diagnostics = diagnostics }) end
    return handler(err, params_or_result, ctx, config)
  end
end
record('textDocument/publishDiagnostics', function(params) return params.uri, params.diagnostics end)
if vim.lsp.handlers['textDocument/diagnostic'] then
  record('textDocument/diagnostic', function(answer, ctx)
    if answer and answer.kind == 'full' then return ctx.params.textDocument.uri, answer.items end
  end)
end
vim.lsp.handlers['cable/indexStatus'] = function(_, params)
  table.insert(result.indexStatus, params)
end

local function initialized_client(bufnr)
  for _, client in ipairs(clients_of(bufnr)) do
    if client.name == 'cable' and client.initialized then return client end
  end
  return nil
end
local function reported(uri)
  for _, report in ipairs(result.reported) do
    if report.uri == uri then return true end
  end
  return false
end

-- Open the files one by one, each in its own tab (so each stays loaded, whatever 'hidden' says), as a user
-- does: a cable is looked at until the server attached and reported its problems (0.10 pulls them only for
-- buffers on screen), then the next is opened; the plain files last.
local buffers = {}
for _, path in ipairs(plan.cables) do
  vim.cmd('tabedit ' .. vim.fn.fnameescape(path))
  buffers[path] = vim.api.nvim_get_current_buf()
  if not vim.wait(plan.timeoutMs, function() return initialized_client(buffers[path]) ~= nil end, 20) then
    table.insert(result.errors, 'no initialized cable client attached to ' .. path)
  elseif not vim.wait(plan.timeoutMs, function() return reported(vim.uri_from_fname(path)) end, 20) then
    table.insert(result.errors, 'no diagnostics reported for ' .. path)
  end
end
result.initialized = #result.errors == 0
for _, path in ipairs(plan.plainFiles) do
  vim.cmd('tabedit ' .. vim.fn.fnameescape(path))
  buffers[path] = vim.api.nvim_get_current_buf()
end

for _, path in ipairs(vim.list_extend(vim.list_extend({}, plan.cables), plan.plainFiles)) do
  local bufnr = buffers[path]
  local entry = { file = path, filetype = vim.bo[bufnr].filetype, clients = {} }
  for _, client in ipairs(clients_of(bufnr)) do
    table.insert(entry.clients, {
      id = client.id, name = client.name, rootDir = client.config.root_dir or vim.NIL,
      workspaceFolders = client.workspace_folders or vim.NIL,
    })
  end
  table.insert(result.buffers, entry)
end
if not result.initialized then return finish() end

local function request(bufnr, method, params)
  local response, err = vim.lsp.buf_request_sync(bufnr, method, params, plan.timeoutMs)
  if not response then
    table.insert(result.errors, method .. ': ' .. tostring(err))
    return vim.NIL
  end
  for _, answer in pairs(response) do
    -- `error` up to 0.10, `err` from 0.11.
    local failure = answer.error or answer.err
    if failure then table.insert(result.errors, method .. ': ' .. vim.inspect(failure)) end
    return answer.result or vim.NIL
  end
  return vim.NIL
end

local symbols_buffer = buffers[plan.symbolsOf]
result.symbols = request(symbols_buffer, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(symbols_buffer) } })

for _, hover in ipairs(plan.hovers) do
  local bufnr = buffers[hover.file]
  table.insert(result.hovers, {
    word = hover.word,
    result = request(bufnr, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = hover.line, character = hover.character },
    }),
  })
end

-- The server indexes the workspace from start-up and says when it is done; then ask for a cable of the
-- workspace that no buffer holds.
local function index_done()
  local last = result.indexStatus[#result.indexStatus]
  return last ~= nil and (last.state == 'ready' or last.state == 'limited')
end
if not vim.wait(plan.timeoutMs, index_done, 20) then
  table.insert(result.errors, 'the index never reported ready: ' .. vim.inspect(result.indexStatus))
end
result.workspaceSymbols = request(symbols_buffer, 'workspace/symbol', { query = plan.workspaceQuery })

-- What Neovim itself made of the diagnostics (what `:lua vim.diagnostic.setqflist()` would list).
for path, bufnr in pairs(buffers) do
  table.insert(result.neovimDiagnostics, { file = path, count = #vim.diagnostic.get(bufnr) })
end

finish()
