/**
 * Preparing a parent conversation ({@code /prep}): one page for the teacher that follows the story
 * of a good conversation. What goes well first; the family's own story in their words; the child's
 * view; who does what (child, parents, teacher); earlier agreements and where they stand; and open
 * questions to ask, drawn from the gaps. For the class's teachers only: never in a channel, never in
 * a log. {@link nl.classbridge.prep.Preparation} gathers it, {@link nl.classbridge.prep.PrepText}
 * writes it in the teacher's language, and each adapter renders that text its own way.
 */
package nl.classbridge.prep;
