// The shipped files enter this module at build time through Plugins/EmbedResources (see Shipped).
