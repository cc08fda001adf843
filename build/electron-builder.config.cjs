// electron-builder configuration: `npm run dist` on a machine with network (it downloads
// Electron). Windows nsis, macOS dmg with the hardened runtime, Linux AppImage and deb.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.scim-inspector.app',
  productName: 'SCIM Inspector',
  copyright: 'Copyright © SCIM Inspector contributors',
  directories: { output: 'release', buildResources: 'build' },
  // Only the bundles and the renderer ship; sources, tests and maps stay out.
  files: ['dist/**/*', '!dist/**/*.map', 'dist-electron/**/*', '!dist-electron/**/*.map', 'package.json'],
  // keytar is native: keep it unpacked so the OS can load its .node file.
  asarUnpack: ['node_modules/keytar/**'],
  // Fuses flipped in the shipped binary: it cannot be run as plain Node (ELECTRON_RUN_AS_NODE),
  // told what to load by NODE_OPTIONS or opened to a debugger by --inspect, and it loads only its
  // own app.asar, checked against the hash embedded at build time. The app never forks and serves
  // its pages from app://, not file://, so it needs none of what these switch off.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  icon: 'build/icon.png',
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { icon: 'build/icon.png' },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'build/icon.png',
    maintainer: 'SCIM Inspector contributors <noreply@example.com>',
    synopsis: 'Inspect and administer SCIM 2.0 tenants',
  },
  // keytar's deb needs libsecret at run time.
  deb: { depends: ['libsecret-1-0', 'libnss3', 'libgtk-3-0'] },
};
