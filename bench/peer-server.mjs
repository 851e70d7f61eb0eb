// The benchmark's peer: unified-language-server set up as remark-language-server is (remark,
// `.remarkrc*` files, the `remarkConfig` package field), so with the workspace's .remarkrc
// it runs remark-lint's recommended preset. Run with `--stdio`.
import { createUnifiedLanguageServer } from 'unified-language-server';

createUnifiedLanguageServer({
  configurationSection: 'remark',
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  processorName: 'remark',
  processorSpecifier: 'remark',
  rcName: '.remarkrc',
});
