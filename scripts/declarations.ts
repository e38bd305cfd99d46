// Emits the package's type declarations from inside the library build, so they sit beside the
// modules Rolldown writes and resolve under every `moduleResolution` a host may use.
//
// `tsc` copies import specifiers verbatim, and the sources import `./X` without an extension (the
// `Bundler` resolution they are written for). Under `node16`/`nodenext` such a specifier in a
// `.d.ts` resolves to nothing and every export turns into `any`. So the declarations are emitted
// through the compiler API with a transformer that points each relative specifier at the file it
// names (`./X.js`, `./X/index.js`); the emitter then writes the declaration maps for the rewritten
// text, so go-to-definition still lands in `src/`.
import { existsSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'
import type { Plugin } from 'vite'

/** What {@link declarations} needs to know. */
export interface DeclarationsOptions {
  /** The tsconfig holding the library's compiler options and files (its `noEmit` is overridden). */
  tsconfig: string
  /** The folder the sources live in; declarations mirror its layout. */
  rootDir: string
}

/** Rolldown plugin: writes a `.d.ts` and `.d.ts.map` for every source file, and the `require` shims. */
export function declarations({ tsconfig, rootDir }: DeclarationsOptions): Plugin {
  return {
    name: 'plugboard-declarations',
    generateBundle(outputOptions, bundle) {
      const outDir = resolve(outputOptions.dir ?? 'dist')
      const options: ts.CompilerOptions = {
        noEmit: false,
        declaration: true,
        declarationMap: true,
        emitDeclarationOnly: true,
        outDir,
        rootDir: resolve(rootDir),
      }
      const config = ts.getParsedCommandLineOfConfigFile(resolve(tsconfig), options, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => this.error(format(diagnostic)),
      })
      if (!config) return this.error(`cannot read ${tsconfig}`)
      const program = ts.createProgram(config.fileNames, config.options)
      const emitted = program.emit(
        undefined,
        (fileName, text) => this.emitFile({ type: 'asset', fileName: relative(outDir, fileName), source: text }),
        undefined,
        true,
        { afterDeclarations: [withExplicitExtensions] },
      )
      // Type errors are `tsc -p tsconfig.build.json`'s to report (the build runs it next); here only
      // what stops a declaration from being written.
      const errors = emitted.diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
      if (errors.length > 0) this.error(`declarations:\n${errors.map(format).join('\n')}`)

      // `require()` of each entry: a CommonJS file that hands over the ES module itself (Node ≥ 20.19
      // loads ES modules from `require`), so CommonJS and ESM hosts share one copy of the kit and its
      // React context. Its `.d.cts` says the same in terms TypeScript accepts in a CommonJS file.
      const checker = program.getTypeChecker()
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || !chunk.facadeModuleId) continue
        const base = chunk.fileName.replace(/\.js$/, '')
        const esm = `./${base.split('/').pop()}.js`
        const source = program.getSourceFile(chunk.facadeModuleId)
        const entry = source && checker.getSymbolAtLocation(source)
        if (!entry) return this.error(`declarations: ${chunk.facadeModuleId} is not in ${tsconfig}`)
        const classes = new Set(
          checker
            .getExportsOfModule(entry)
            .filter((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol).flags & ts.SymbolFlags.Class)
            .map((symbol) => symbol.name),
        )
        this.emitFile({ type: 'asset', fileName: `${base}.cjs`, source: `'use strict'\nmodule.exports = require('${esm}')\n` })
        this.emitFile({ type: 'asset', fileName: `${base}.d.cts`, source: commonJsDeclarations(esm, chunk.exports, classes) })
      }
    },
  }
}

/**
 * The `.d.cts` of an entry whose CommonJS face is its ES module: every type, and each runtime export
 * typed as the module's own, imported with `resolution-mode` so TypeScript accepts an ES module from a
 * CommonJS declaration file under `node16` as well as `nodenext`. A class is also re-exported as a type.
 */
function commonJsDeclarations(esm: string, values: readonly string[], classes: ReadonlySet<string>): string {
  const from = `import('${esm}', { with: { 'resolution-mode': 'import' } })`
  const lines = [
    '// The CommonJS face of the ES module beside it: require() returns that module (Node ≥ 20.19).',
    `export type * from '${esm}' with { 'resolution-mode': 'import' }`,
    `type Module = typeof ${from}`,
  ]
  for (const name of values) {
    if (name === 'default') lines.push(`declare const _default: Module['default']`, 'export default _default')
    else lines.push(`export declare const ${name}: Module['${name}']`)
    if (classes.has(name)) lines.push(`export type ${name} = ${from}.${name}`)
  }
  return `${lines.join('\n')}\nexport {}\n`
}

const format = (diagnostic: ts.Diagnostic) =>
  ts.formatDiagnostic(diagnostic, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' })

/** The emitted path of what a relative specifier in `from` names: `./X` → `./X.js` or `./X/index.js`. */
function explicitSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith('.') || /\.(c|m)?js$/.test(specifier)) return specifier
  const base = resolve(dirname(from), specifier)
  for (const [suffix, emitted] of [
    ['.ts', '.js'],
    ['.tsx', '.js'],
    ['/index.ts', '/index.js'],
    ['/index.tsx', '/index.js'],
  ] as const) {
    if (existsSync(`${base}${suffix}`)) return `${specifier}${emitted}`
  }
  throw new Error(`declarations: ${relative(process.cwd(), from)} imports '${specifier}', which names no source file`)
}

/** Declaration transformer: rewrites the specifiers of imports, re-exports and `import('…')` types. */
const withExplicitExtensions: ts.TransformerFactory<ts.SourceFile | ts.Bundle> = (context) => {
  const { factory } = context
  return (root) => {
    if (!ts.isSourceFile(root)) return root
    const literal = (node: ts.StringLiteral) => factory.createStringLiteral(explicitSpecifier(root.fileName, node.text))
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateImportDeclaration(node, node.modifiers, node.importClause, literal(node.moduleSpecifier), node.attributes)
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          literal(node.moduleSpecifier),
          node.attributes,
        )
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        return factory.updateImportTypeNode(
          node,
          factory.updateLiteralTypeNode(node.argument, literal(node.argument.literal)),
          node.attributes,
          node.qualifier ? ts.visitNode(node.qualifier, visit, ts.isEntityName) : undefined,
          node.typeArguments ? ts.visitNodes(node.typeArguments, visit, ts.isTypeNode) : undefined,
          node.isTypeOf,
        )
      }
      return ts.visitEachChild(node, visit, context)
    }
    return ts.visitEachChild(root, visit, context)
  }
}
