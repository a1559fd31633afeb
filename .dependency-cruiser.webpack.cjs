// Only for dependency-cruiser's resolver: WXT's '@/' import alias is the repository root.
module.exports = { resolve: { alias: { '@': __dirname } } };
