// ShippedWeights enters this module at build time through Plugins/TrainModel.
