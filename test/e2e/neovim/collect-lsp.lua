-- Collects what Neovim's own LSP client (0.7+) gets from the cable language server over stdio:
-- published diagnostics per file, the document symbols of one file and hovers at given positions.
-- It only collects; neovim.test.ts asserts. Run headless with CABLE_NVIM_PLAN naming a JSON plan:
--   { server = {cmd...}, rootDir, files = {paths}, symbolsOf = path,
--     hovers = {{file, line, character, word}}, timeoutMs, out = path }
-- Writes the result as JSON to plan.out, then quits (exit 1 when something could not be collected).

local plan = vim.json.decode(table.concat(vim.fn.readfile(os.getenv('CABLE_NVIM_PLAN')), '\n'))
local result = { initialized = false, published = {}, neovimDiagnostics = {}, symbols = vim.NIL, hovers = {}, errors = {} }

local function finish()
  vim.fn.writefile({ vim.json.encode(result) }, plan.out)
  if #result.errors > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

-- Record every publish as it arrives (the server may publish a file more than once), then let Neovim handle it.
local function on_publish(err, params, ctx, config)
  table.insert(result.published, { uri = params.uri, diagnostics = params.diagnostics })
  vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
end

local client_id = vim.lsp.start_client({
  name = 'cable',
  cmd = plan.server,
  root_dir = plan.rootDir,
  handlers = { ['textDocument/publishDiagnostics'] = on_publish },
  on_exit = function(code, signal) result.exit = { code = code, signal = signal } end,
})
if not client_id then
  table.insert(result.errors, 'vim.lsp.start_client failed for ' .. table.concat(plan.server, ' '))
  return finish()
end

result.initialized = vim.wait(plan.timeoutMs, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized == true
end, 20)
if not result.initialized then
  table.insert(result.errors, 'the server did not answer initialize')
  return finish()
end

-- Load each file into a buffer of filetype `cable` and attach it: Neovim sends didOpen with that language id.
local buffers = {}
for _, path in ipairs(plan.files) do
  local bufnr = vim.fn.bufadd(path)
  vim.fn.bufload(bufnr)
  vim.bo[bufnr].filetype = 'cable'
  vim.lsp.buf_attach_client(bufnr, client_id)
  buffers[path] = bufnr
end

local function published(uri)
  for _, publish in ipairs(result.published) do
    if publish.uri == uri then return true end
  end
  return false
end
for _, path in ipairs(plan.files) do
  if not vim.wait(plan.timeoutMs, function() return published(vim.uri_from_fname(path)) end, 20) then
    table.insert(result.errors, 'no diagnostics published for ' .. path)
  end
end

local function request(bufnr, method, params)
  local response, err = vim.lsp.buf_request_sync(bufnr, method, params, plan.timeoutMs)
  if not response then
    table.insert(result.errors, method .. ': ' .. tostring(err))
    return vim.NIL
  end
  for _, answer in pairs(response) do
    if answer.err then table.insert(result.errors, method .. ': ' .. vim.inspect(answer.err)) end
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

-- What Neovim itself made of the diagnostics (what `:lua vim.diagnostic.setqflist()` would list).
for path, bufnr in pairs(buffers) do
  table.insert(result.neovimDiagnostics, { file = path, count = #vim.diagnostic.get(bufnr) })
end

finish()
