import Foundation
import OfferMapCLI

exit(await OfferMapCLI.run(Array(CommandLine.arguments.dropFirst())))
