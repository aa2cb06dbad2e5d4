import Foundation
import OfferMapCLI

exit(OfferMapCLI.run(Array(CommandLine.arguments.dropFirst())))
